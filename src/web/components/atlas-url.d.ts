// Vite's `?url` suffix: the file is emitted as a static asset and the import
// is its URL (vite/client types are not part of this project's tsconfig).
declare module 'world-atlas/countries-50m.json?url' {
  const url: string;
  export default url;
}
