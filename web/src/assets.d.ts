// Style sheets are imported for their side effect (Vite bundles them); they export nothing to type.
declare module '*.css'
