import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next/**", ".next-*/**", "docs/preview/**", "coverage/**", "node_modules/**", "src/generated/**", "next-env.d.ts", "test-results/**", "playwright-report/**", "data/**"],
  },
];
export default config;
