// What tests elsewhere (the harness's factories, the storage sweep) may do to an association's row directly,
// without going through a use case. Test code only (docs/ARCHITECTURE.md, "Module boundaries").
export { swapAssociationLogoKey, updateAssociationRow } from "./associations.repository.js";
