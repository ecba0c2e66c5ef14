/// <reference types="vite/client" />

/** crxjs: `import file from './script.ts?iife'` builds a self-contained script and gives its path in the package. */
declare module '*?iife' {
  const path: string;
  export default path;
}
