declare module 'virtual:khabar-comments/config' {
  const config: import('./src/lib/runtime-config.ts').CommentsRuntimeConfig;
  export default config;
}
