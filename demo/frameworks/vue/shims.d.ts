// Lets TypeScript import single-file components (type-checked by Vue's own tooling, not tsc).
declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent;
  export default component;
}
