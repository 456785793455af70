/** Vite's `?raw` import: the file's text, for showing and applying a stylesheet shipped in the package. */
declare module '*.css?raw' {
  const text: string;
  export default text;
}
