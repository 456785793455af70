// `npm run manifest`: custom-elements.json from the JSDoc of src/. Modules are sorted by path, so the file
// is the same on every machine whatever order the file system lists the sources in (CI compares it).
export default {
  globs: ['src/**/*.ts'],
  litelement: true,
  plugins: [
    {
      name: 'sort-modules-by-path',
      packageLinkPhase({ customElementsManifest }) {
        customElementsManifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      },
    },
  ],
};
