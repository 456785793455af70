// `npm run manifest`: custom-elements.json from the JSDoc of src/. Modules are sorted by path, so the file
// is the same on every machine whatever order the file system lists the sources in (CI compares it).
// From the same manifest, the files a portal's tools read (scripts/framework-types.mjs): framework types
// in dist/types/ and editor data in dist/.
import { writeFrameworkTypes, writeEditorData } from './scripts/framework-types.mjs';

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
    {
      name: 'framework-types-and-editor-data',
      packageLinkPhase({ customElementsManifest }) {
        writeFrameworkTypes(customElementsManifest, 'dist/types');
        writeEditorData(customElementsManifest, 'dist');
      },
    },
  ],
};
