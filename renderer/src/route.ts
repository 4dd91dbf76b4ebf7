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

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
