import { lazy, Suspense, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { TokenBar } from '../session/token-bar';
import { LabelsContext } from './labels-context';
import { currentView, VIEW_CODE, type ViewId } from './first-view';
import { MARKS, markOnce } from './timing';
import '../session/token-bar.css';
import './workbench.css';

/** Each view's code (charts, tables, the XLSX writer) is loaded when the view is first shown, not with the page. */
const views = {
  scorecard: lazy(() => VIEW_CODE.scorecard().then((m) => ({ default: m.ScorecardView }))),
  compare: lazy(() => VIEW_CODE.compare().then((m) => ({ default: m.CompareView }))),
  records: lazy(() => VIEW_CODE.records().then((m) => ({ default: m.RecordsView }))),
  monthly: lazy(() => VIEW_CODE.monthly().then((m) => ({ default: m.MonthlyView }))),
};

const VIEWS: { id: ViewId; zh: string; en: string }[] = [
  { id: 'scorecard', zh: '评分卡', en: 'Scorecard' },
  { id: 'compare', zh: '对比', en: 'Compare' },
  { id: 'records', zh: '记录', en: 'Records' },
  { id: 'monthly', zh: '月度统计', en: 'Monthly statistics' },
];

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
  const View = views[view];
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
        <Suspense fallback={<p className="loading">加载中… / loading…</p>}>
          <View key={view} />
        </Suspense>
      </main>
    </LabelsContext.Provider>
  );
}

markOnce(MARKS.appStarted);
createRoot(document.getElementById('root')!).render(<Workbench />);
