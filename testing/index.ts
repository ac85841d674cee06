/**
 * `import { startSimulator } from 'tiksim'`: the programmatic API and the recorder/replay functions (Node only).
 * Event types, schemas and the parser are browser-safe in `tiksim/protocol`; the Playwright fixture is `tiksim/playwright`.
 */
export { startSimulator, TiksimError, type Fired, type FireInput, type ReplayHandle, type Simulator, type StartOptions } from './simulator.ts';
export { Recorder, type RecordOptions, type RecordSummary, type RecorderStats } from '../recorder/record.ts';
export { inspectRecording, formatInspect, type InspectReport } from '../recorder/inspect.ts';
export { anonymizeRecording, type AnonymizeOptions, type AnonymizeResult } from '../recorder/anonymize.ts';
export { openRecording, readEntries, type RecordingInfo } from '../recorder/reader.ts';
export { decodePushFrame, type DecodedFrame } from '../recorder/decode.ts';
export { createReplayer, listRecordings, type ReplayOptions, type ReplayTarget, type Replayer } from '../simulator/replay/replayer.ts';
export { redactSource } from '../recorder/redact.ts';
export type { OutFrame, Quirks, Rates, Scenario } from '../simulator/engine.ts';
export * from '../protocol/index.ts';
