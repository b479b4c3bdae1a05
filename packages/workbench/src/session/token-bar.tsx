import { useEffect, useState } from 'react';
import { developmentRoles, requestDevelopmentToken, setToken, useSession } from './session';
import './token-bar.css';

const ROLE_LABELS: Record<string, string> = {
  analyst: '分析员 analyst',
  admin: '管理员 admin',
  hr: '人社 hr',
  agriculture: '农业农村 agriculture',
  poverty: '扶贫 poverty',
  'youth-league': '团委 youth-league',
  'womens-federation': '妇联 womens-federation',
};

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The local date and time, as 2026-11-28 17:05. Not through Intl (toLocaleString): its first
 * use builds the locale's date patterns, the slowest single step of the workbench's first screen.
 */
function localTime(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The token field (and, in development, a role picker that asks the gateway for a token), with the token's state. */
export function TokenBar({ title }: { title: string }) {
  const session = useSession();
  const [draft, setDraft] = useState('');
  const [roles, setRoles] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    developmentRoles().then(setRoles, () => setRoles(null));
  }, []);

  const pickRole = (role: string) => {
    setError(null);
    requestDevelopmentToken(role).catch((e: Error) => setError(e.message));
  };

  return (
    <header className="token-bar">
      <strong className="token-bar__title">{title}</strong>
      <form
        className="token-bar__form"
        onSubmit={(event) => {
          event.preventDefault();
          setToken(draft);
          setDraft('');
        }}
      >
        <label>
          令牌 <span className="en">token</span>
          <input
            name="token"
            value={draft}
            placeholder={session.token ? '已设置，可粘贴新的令牌 / set; paste a new one' : '粘贴令牌 / paste a bearer token'}
            onChange={(e) => setDraft(e.target.value)}
            autoComplete="off"
          />
        </label>
        <button type="submit">使用 / use</button>
        {session.token && (
          <button type="button" onClick={() => setToken(null)}>
            退出 / sign out
          </button>
        )}
      </form>
      {roles && (
        <label className="token-bar__roles" title="development mode only: the gateway signs a token for the role">
          开发角色 <span className="en">development role</span>
          <select name="dev-role" value="" onChange={(e) => e.target.value && pickRole(e.target.value)}>
            <option value="">选择… / choose…</option>
            {roles.map((role) => (
              <option key={role} value={role}>
                {ROLE_LABELS[role] ?? role}
              </option>
            ))}
          </select>
        </label>
      )}
      <span className="token-bar__state" data-testid="session-state">
        {session.token
          ? `角色 role: ${session.role ?? '?'}${session.expiresAt ? ` · 有效至 until ${localTime(session.expiresAt)}` : ''}`
          : '未登录：公众视图 / signed out: the public view'}
      </span>
      {error && <span className="token-bar__error">{error}</span>}
      {session.expired && (
        <div className="token-bar__expired" role="alert" data-testid="token-expired">
          令牌已过期或被拒绝，请输入新的令牌。 Your token has expired or was refused: enter a new one.
        </div>
      )}
    </header>
  );
}
