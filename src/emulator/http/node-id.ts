/** GitHub's legacy global node ids: base64 of "<len>:<Type><id>" (e.g. MDQ6VXNlcjE= for user 1). */
export function nodeId(
  type: 'User' | 'Organization' | 'Repository' | 'Installation' | 'Bot' | 'IssueComment',
  id: number,
): string {
  return Buffer.from(`0${type.length}:${type}${id}`).toString('base64');
}
