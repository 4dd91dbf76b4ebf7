// Hash routes (#/plans, #/plans/<id>): work the same from file:// in Electron and over the host.
import { useEffect, useState } from 'react';
import type { RouteKey } from './i18n/zh-CN';

export interface Route {
  key: RouteKey;
  params: string[];
}

const KEYS: RouteKey[] = ['home', 'plans', 'drills', 'scripts', 'evaluation', 'templates', 'settings'];

export function parseRoute(hash: string): Route {
  const [head, ...params] = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const key = KEYS.find((k) => k === head) ?? 'home';
  return { key, params };
}

export function navigate(key: RouteKey, ...params: string[]): void {
  window.location.hash = `#/${[key === 'home' ? '' : key, ...params.map(encodeURIComponent)].filter(Boolean).join('/')}`;
}

/** Asked before the route changes; resolving false keeps the page (see components/use-unsaved-guard.ts). */
export type LeaveCheck = () => Promise<boolean>;
let leaveCheck: LeaveCheck | null = null;

export function setLeaveCheck(check: LeaveCheck | null): void {
  leaveCheck = check;
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    let current = window.location.hash;
    // The hash the user agreed to leave for: its own hashchange passes without asking again.
    let agreed: string | null = null;
    const onChange = () => {
      const target = window.location.hash;
      if (target === current) return;
      if (leaveCheck && target !== agreed) {
        // The hash has already changed: put it back without a history entry, then ask.
        window.history.replaceState(window.history.state, '', current || '#/');
        void leaveCheck().then((leave) => {
          if (!leave) return;
          agreed = target;
          window.location.hash = target;
        });
        return;
      }
      agreed = null;
      current = target;
      setRoute(parseRoute(target));
    };
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
