export declare const webBuildStamp: (root: string) => string
export declare function webBuildIsFresh(root: string): boolean
