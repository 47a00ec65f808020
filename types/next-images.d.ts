// Next declares imported images (`import shot from "./dashboard.png"`) in next-env.d.ts, which
// `next build` and `next dev` write and git ignores; typechecking a fresh clone needs the same.
/// <reference types="next/image-types/global" />
