// Scripts run server modules outside Next's react-server build, where the "server-only" marker
// throws on import: importing this first resolves the marker to its empty build, as Next does
// for server code (the tests do the same through vitest's alias). tsx loads the TypeScript
// sources through require(), so the CommonJS resolver is the one to answer.
// Not `--conditions=react-server` as the seed and notify scripts use: the document code imports
// modules that call React.createContext, which React's react-server build does not have.
import Module from "node:module";
import path from "node:path";

const empty = path.resolve(import.meta.dirname, "../node_modules/server-only/empty.js");
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === "server-only" ? empty : resolve.call(this, request, ...rest);
};
