// The notices module's public surface: the only file of notices that other modules and the composition root
// import (docs/ARCHITECTURE.md, "Module boundaries"). Anything not listed here is internal to notices.

export { registerNoticeSubscriber } from "./notices.subscriber.js";
