declare module 'virtual:saved-queries' {
  /** The README's example queries, read from operations/readme-*.graphql at build time. */
  const queries: { name: string; query: string }[];
  export default queries;
}
declare module '*.css';
