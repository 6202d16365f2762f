// Fails with a SQL error: the legacy table it copies from does not exist.
module.exports = class CopyLegacyUsers1704276000000 {
  name = 'CopyLegacyUsers1704276000000';

  async up(queryRunner) {
    await queryRunner.query(`INSERT INTO "users" ("name") SELECT "name" FROM "no_such_table"`);
  }

  async down() {}
};
