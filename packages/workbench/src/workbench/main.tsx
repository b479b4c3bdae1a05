import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { TokenBar } from '../session/token-bar';
import { LabelsContext } from './labels-context';
import { ScorecardView } from './views/scorecard-view';
import { CompareView } from './views/compare-view';
import { RecordsView } from './views/records-view';
import { MonthlyView } from './views/monthly-view';
import '../session/token-bar.css';
import './workbench.css';

const VIEWS = [
  { id: 'scorecard', zh: '评分卡', en: 'Scorecard', view: ScorecardView },
  { id: 'compare', zh: '对比', en: 'Compare', view: CompareView },
  { id: 'records', zh: '记录', en: 'Records', view: RecordsView },
  { id: 'monthly', zh: '月度统计', en: 'Monthly statistics', view: MonthlyView },
];

function currentView(): string {
  const id = location.hash.replace('#', '');
  return VIEWS.some((v) => v.id === id) ? id : 'scorecard';
}

/** The workbench: one page, four views chosen by the URL's hash (so a view can be bookmarked). */
function Workbench() {
  const [view, setView] = useState(currentView);
  const [showFieldNames, setShowFieldNames] = useState(localStorage.getItem('returnee-graph.field-names') === 'on');
  useEffect(() => {
    const follow = () => setView(currentView());
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  const toggleNames = (on: boolean) => {
    localStorage.setItem('returnee-graph.field-names', on ? 'on' : 'off');
    setShowFieldNames(on);
  };
  const View = VIEWS.find((v) => v.id === view)!.view;
  return (
    <LabelsContext.Provider value={{ showFieldNames }}>
      <TokenBar title="返乡创业分析工作台 · Workbench" />
      <nav className="views">
        {VIEWS.map((v) => (
          <a key={v.id} href={`#${v.id}`} className={v.id === view ? 'active' : undefined} data-testid={`view-${v.id}`}>
            {v.zh} <span className="en">{v.en}</span>
          </a>
        ))}
        <label className="names-toggle">
          <input type="checkbox" checked={showFieldNames} onChange={(e) => toggleNames(e.target.checked)} data-testid="field-names" />
          显示英文字段名 / show API field names
        </label>
        <a href="/explorer" className="explorer-link">GraphQL 浏览器 / explorer</a>
      </nav>
      <main className={showFieldNames ? 'show-field-names' : undefined}>
        <View key={view} />
      </main>
    </LabelsContext.Provider>
  );
}

createRoot(document.getElementById('root')!).render(<Workbench />);
