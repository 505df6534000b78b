// apache-arrow 13 ships typings, but its package "exports" map has no "types" condition, so TypeScript's bundler
// resolution finds no declarations for 'apache-arrow'. Point the bare specifier at the shipped Node typings.
declare module 'apache-arrow' {
  export * from '@/node_modules/apache-arrow/Arrow.node';
}
