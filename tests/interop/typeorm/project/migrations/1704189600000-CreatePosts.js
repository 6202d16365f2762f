module.exports = class CreatePosts1704189600000 {
  name = 'CreatePosts1704189600000';

  async up(queryRunner) {
    await queryRunner.query(`CREATE TABLE "posts" ("id" SERIAL NOT NULL, "userId" integer NOT NULL, "body" text, CONSTRAINT "PK_posts" PRIMARY KEY ("id"))`);
    await queryRunner.query(`ALTER TABLE "posts" ADD CONSTRAINT "FK_posts_users" FOREIGN KEY ("userId") REFERENCES "users"("id")`);
  }

  async down(queryRunner) {
    await queryRunner.query(`DROP TABLE "posts"`);
  }
};
