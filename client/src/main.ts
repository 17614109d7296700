import './styles/global.css';
import './components/app-shell/app-shell.js';
import { registerServiceWorker } from './offline.js';

registerServiceWorker();
