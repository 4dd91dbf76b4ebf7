// The shell: left navigation, the page for the current route, and the database guard.
import { AppstoreOutlined, AuditOutlined, CalendarOutlined, FileTextOutlined, HomeOutlined, PlayCircleOutlined, SettingOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Layout, Menu, Spin, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { AppStatus } from '@shared/schemas/app';
import { errorText, onEvent } from './api/client';
import { requestOnce } from './api/prefetch';
import { runExportCommand } from './components/export-command';
import { DatabaseProblem } from './features/app/DatabaseProblem';
import { ConsolePage, DrillEvaluationPage, DrillPage, DrillsPage, EvaluationPage, HomePage, MergePage, PlanEditorPage, PlansPage, PresenterPage, ScriptEditorPage, ScriptsPage, SettingsPage, TemplatesPage } from './pages';
import { nav, t, type RouteKey } from './i18n/zh-CN';
import { navigate, useRoute } from './route';

const icons: Record<RouteKey, React.ReactNode> = {
  home: <HomeOutlined />,
  plans: <FileTextOutlined />,
  drills: <CalendarOutlined />,
  scripts: <PlayCircleOutlined />,
  evaluation: <AuditOutlined />,
  templates: <AppstoreOutlined />,
  settings: <SettingOutlined />,
};

function Page({ route, params }: { route: RouteKey; params: string[] }) {
  switch (route) {
    case 'home':
      return <HomePage />;
    case 'settings':
      return <SettingsPage />;
    case 'plans':
      if (params[0] && params[1] === 'merge' && params[2]) return <MergePage key={params.join('/')} planId={params[0]} toRevision={params[2]} />;
      return params[0] ? <PlanEditorPage key={params.join('/')} id={params[0]} sectionId={params[1] === 'at' ? params[2] : undefined} history={params[1] === 'history'} /> : <PlansPage />;
    case 'drills':
      return params[0] ? <DrillPage key={params[0]} id={params[0]} /> : <DrillsPage />;
    case 'scripts':
      // #/scripts/<drill>/run/entry/<event>: the run log at one entry; #/scripts/<drill>/inject/<inject>: the script at one inject.
      if (params[0] && params[1] === 'run') return <ConsolePage key={params[0]} drillId={params[0]} entryId={params[2] === 'entry' ? params[3] : undefined} />;
      return params[0] ? <ScriptEditorPage key={params[0]} drillId={params[0]} injectId={params[1] === 'inject' ? params[2] : undefined} /> : <ScriptsPage />;
    case 'evaluation':
      return params[0] ? <DrillEvaluationPage key={params[0]} drillId={params[0]} findingId={params[1] === 'finding' ? params[2] : undefined} /> : <EvaluationPage />;
    case 'templates':
      return <TemplatesPage />;
  }
}

export function App() {
  const route = useRoute();
  const [status, setStatus] = useState<AppStatus>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    requestOnce('app.status', undefined).then(setStatus, (e: unknown) => setError(errorText(e)));
  }, []);
  const { message } = AntApp.useApp();
  useEffect(() => {
    const exportDocument = () => runExportCommand() || message.info('当前页面没有可导出的文档：请打开预案、演练、脚本、评估或整改清单页面。');
    const off = onEvent('menu.command', ({ command }) => {
      if (command === 'navigate:home') navigate('home');
      if (command === 'navigate:settings') navigate('settings');
      if (command === 'export-document') exportDocument();
    });
    // The browser host has no application menu: its accelerator is a key of the page.
    const onKey = (e: KeyboardEvent) => {
      if (status?.shell !== 'browser' || !(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey || e.key.toLowerCase() !== 'e') return;
      e.preventDefault();
      exportDocument();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      off();
      window.removeEventListener('keydown', onKey);
    };
  }, [message, status?.shell]);
  if (error) return <Alert type="error" showIcon message="无法启动" description={error} style={{ margin: 48 }} />;
  if (!status) return <Spin style={{ margin: 48 }} />;
  if (status.database.state !== 'ready') return <DatabaseProblem status={status} onRestored={setStatus} />;
  // The presenter view fills its own window, without the navigation.
  if (route.key === 'scripts' && route.params[1] === 'present' && route.params[0]) return <PresenterPage drillId={route.params[0]} />;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={200} theme="light" style={{ borderRight: '1px solid #f0f0f0' }}>
        <Typography.Title level={5} style={{ padding: '16px 16px 8px', margin: 0 }}>
          {t.appName}
        </Typography.Title>
        {status.shell === 'browser' && <Tag style={{ marginLeft: 16, marginBottom: 8 }}>{t.browserMode}</Tag>}
        <Menu
          mode="inline"
          selectedKeys={[route.key]}
          onClick={(e) => navigate(e.key as RouteKey)}
          items={(Object.keys(nav) as RouteKey[]).map((key) => ({ key, icon: icons[key], label: nav[key], 'data-testid': `nav-${key}` }))}
        />
      </Layout.Sider>
      <Layout.Content style={{ padding: 24, background: '#fff' }}>
        <Page route={route.key} params={route.params} />
      </Layout.Content>
    </Layout>
  );
}
