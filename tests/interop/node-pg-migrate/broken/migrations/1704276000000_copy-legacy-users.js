// Fails with a SQL error: the legacy table it copies from does not exist.
/** @param pgm {import('node-pg-migrate').MigrationBuilder} */
exports.up = (pgm) => {
  pgm.sql('INSERT INTO users (name) SELECT name FROM no_such_table');
};

exports.down = false;
