// `npm run db:seed`: loads the demo data into an empty database (refuses a non-empty one).
import { createPrismaClient } from "../src/server/db/client";
import { isDatabaseEmpty } from "../src/server/seed/empty";

async function main() {
  const db = await createPrismaClient();
  try {
    if (!(await isDatabaseEmpty(db))) {
      console.log("Cơ sở dữ liệu đã có dữ liệu: bỏ qua nạp dữ liệu mẫu.");
      return;
    }
    const started = Date.now();
    // Loaded only when needed: a restart on existing data should not pay for the importer.
    const { seedDemo, DEMO_PASSWORD } = await import("../src/server/seed/demo");
    const { accounts } = await seedDemo(db);
    console.log(`Đã nạp dữ liệu mẫu (${accounts.length} tài khoản, mật khẩu ${DEMO_PASSWORD}) trong ${Date.now() - started} ms.`);
  } finally {
    await db.$disconnect();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
