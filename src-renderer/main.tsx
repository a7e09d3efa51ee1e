/** Renderer entry: mounts the app over `window.keyferry`, the only bridge to the main process. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';

const container = document.getElementById('root');
if (container) {
  createRoot(container).render(
    <StrictMode>
      <App api={window.keyferry} />
    </StrictMode>,
  );
}
