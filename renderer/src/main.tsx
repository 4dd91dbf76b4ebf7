// Renderer entry: installs the HTTP bridge when Electron's preload is absent, then renders the app in zh-CN.
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { installHttpBridge } from './api/http-bridge';
import { prefetch } from './api/prefetch';
import { App } from './App';
import { followRoutes, preloadEditorWhenIdle } from './pages';
import 'antd/dist/antd.css';
import './styles.css';

dayjs.locale('zh-cn');
installHttpBridge();

// The shell's status, the opening page's code and its main data load while the modules start.
prefetch('app.status', undefined);
followRoutes();
preloadEditorWhenIdle();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} theme={{ zeroRuntime: true, token: { fontFamily: '"Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif', borderRadius: 4 } }}>
      <AntApp>
        <App />
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
