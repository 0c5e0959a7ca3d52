export declare function webBuildIsFresh(root: string): boolean
