/**
 * <parley-chat> used from Vue 3 (App.vue). Vue must be told which tags are custom elements so it does
 * not try to resolve them as Vue components: `isCustomElement` in vite.demos.config.ts (compile time).
 */
import { createApp } from 'vue';
import '@parley/elements/chat.js';
import App from './App.vue';

createApp(App).mount('#app');
