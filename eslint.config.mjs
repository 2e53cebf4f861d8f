import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// Security rules that matter for a SIEM: log content is attacker-controlled.
const security = {
  rules: {
    "no-restricted-properties": [
      "error",
      { property: "$queryRawUnsafe", message: "banned: build SQL with Prisma.sql / $queryRaw tagged templates" },
      { property: "$executeRawUnsafe", message: "banned: build SQL with Prisma.sql / $executeRaw tagged templates" },
    ],
    "no-restricted-syntax": [
      "error",
      {
        selector: "CallExpression[callee.name='appendAudit'] > MemberExpression.arguments[property.name='prisma']",
        message: "appendAudit needs a transaction (the chain would fork): use auditNow(db.prisma, …) or pass the tx",
      },
    ],
    "react/no-danger": "error",
    "no-eval": "error",
    "no-implied-eval": "error",
  },
};

const config = [
  ...nextVitals,
  ...nextTs,
  security,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  { ignores: ["node_modules/**", ".next/**", ".data/**", "lib/generated/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
];

export default config;
