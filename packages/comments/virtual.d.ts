declare module 'virtual:khabar-comments/config' {
  const config: import('./src/config/runtime-config.ts').CommentsRuntimeConfig;
  export default config;
}
