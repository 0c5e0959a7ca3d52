/**
 * Test databases of a run are named after its template (`passerelle_tpl_<migrations>_<pid>`), so that
 * the run's set-up can drop, when it ends, whatever of them a test file or a worker left behind.
 */
export function testDatabasePrefix(template: string): string {
  return `passerelle_test_${template.replace(/^passerelle_tpl_/, '')}_`
}
