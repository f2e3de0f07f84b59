/** `drift --format`: plain text, JSON, or GitHub Actions annotations and a job summary. */
export type DriftFormat = 'text' | 'json' | 'github';
export const DRIFT_FORMATS: readonly DriftFormat[] = ['text', 'json', 'github'];
