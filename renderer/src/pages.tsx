// Every page is its own chunk: the first screen parses only the shell and the page it shows, and the
// chunk for the route being opened starts loading at once, in parallel with the app's first requests.
import { Spin } from 'antd';
import { lazy, Suspense, type ComponentType } from 'react';
import type { Route } from './route';

const loaders = {
  home: () => import('./features/home/HomePage'),
  settings: () => import('./features/settings/SettingsPage'),
  plans: () => import('./features/plans/PlansPage'),
  planEditor: () => import('./features/plans/PlanEditorPage'),
  merge: () => import('./features/plans/MergePage'),
  drills: () => import('./features/drills/DrillsPage'),
  drill: () => import('./features/drills/DrillPage'),
  scripts: () => import('./features/scripts/ScriptsPage'),
  scriptEditor: () => import('./features/scripts/ScriptEditorPage'),
  console: () => import('./features/scripts/ConsolePage'),
  presenter: () => import('./features/scripts/PresenterPage'),
  evaluation: () => import('./features/evaluation/EvaluationPage'),
  drillEvaluation: () => import('./features/evaluation/DrillEvaluationPage'),
  templates: () => import('./features/templates/TemplatesPage'),
};
type PageName = keyof typeof loaders;

/** Which page a route shows. */
export function pageOf({ key, params }: Route): PageName {
  switch (key) {
    case 'plans':
      if (params[0] && params[1] === 'merge' && params[2]) return 'merge';
      return params[0] ? 'planEditor' : 'plans';
    case 'drills':
      return params[0] ? 'drill' : 'drills';
    case 'scripts':
      if (params[0] && params[1] === 'present') return 'presenter';
      if (params[0] && params[1] === 'run') return 'console';
      return params[0] ? 'scriptEditor' : 'scripts';
    case 'evaluation':
      return params[0] ? 'drillEvaluation' : 'evaluation';
    default:
      return key;
  }
}

/** Starts loading the chunk of the page a route shows (a no-op when it is already loaded). */
export function preloadPage(route: Route): void {
  void loaders[pageOf(route)]().catch(() => undefined);
}

function lazyPage<M, P extends object>(load: () => Promise<M>, pick: (m: M) => ComponentType<P>): ComponentType<P> {
  // React.lazy wants a default export; the features export their pages by name.
  const Lazy = lazy(async () => ({ default: pick(await load()) }));
  return function Page(props: P) {
    return (
      <Suspense fallback={<Spin style={{ margin: 48 }} />}>
        <Lazy {...props} />
      </Suspense>
    );
  };
}

export const HomePage = lazyPage(loaders.home, (m) => m.HomePage);
export const SettingsPage = lazyPage(loaders.settings, (m) => m.SettingsPage);
export const PlansPage = lazyPage(loaders.plans, (m) => m.PlansPage);
export const PlanEditorPage = lazyPage(loaders.planEditor, (m) => m.PlanEditorPage);
export const MergePage = lazyPage(loaders.merge, (m) => m.MergePage);
export const DrillsPage = lazyPage(loaders.drills, (m) => m.DrillsPage);
export const DrillPage = lazyPage(loaders.drill, (m) => m.DrillPage);
export const ScriptsPage = lazyPage(loaders.scripts, (m) => m.ScriptsPage);
export const ScriptEditorPage = lazyPage(loaders.scriptEditor, (m) => m.ScriptEditorPage);
export const ConsolePage = lazyPage(loaders.console, (m) => m.ConsolePage);
export const PresenterPage = lazyPage(loaders.presenter, (m) => m.PresenterPage);
export const EvaluationPage = lazyPage(loaders.evaluation, (m) => m.EvaluationPage);
export const DrillEvaluationPage = lazyPage(loaders.drillEvaluation, (m) => m.DrillEvaluationPage);
export const TemplatesPage = lazyPage(loaders.templates, (m) => m.TemplatesPage);
