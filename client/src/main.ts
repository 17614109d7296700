import './components/app-shell/app-shell.js';
