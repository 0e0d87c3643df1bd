/**
 * Data scope over the org-unit tree. Each unit stores its materialised path of ids
 * (`/1/4/9/`), so "in the subtree of unit 4" is a prefix test, here and in SQL.
 */
export function unitPath(parentPath: string | null, id: number): string {
  return `${parentPath ?? '/'}${id}/`;
}

export function isInSubtree(path: string, rootPath: string): boolean {
  return path.startsWith(rootPath);
}

/** True when moving a unit under `newParentPath` would make it its own ancestor. */
export function wouldCreateCycle(unitPathValue: string, newParentPath: string): boolean {
  return newParentPath.startsWith(unitPathValue);
}
