// `npm run db:seed`: loads the demo data into an empty database (refuses a non-empty one).
import { createPrismaClient } from "../src/server/db/client";
import { isDatabaseEmpty, seedDemo, DEMO_PASSWORD } from "../src/server/seed/demo";

async function main() {
  const db = await createPrismaClient();
  try {
    if (!(await isDatabaseEmpty(db))) {
      console.log("Cơ sở dữ liệu đã có dữ liệu: bỏ qua nạp dữ liệu mẫu.");
      return;
    }
    const started = Date.now();
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
