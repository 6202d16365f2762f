// Fails with a SQL error: the legacy table it copies from does not exist.
exports.up = function (knex) {
  return knex.raw('INSERT INTO users (name) SELECT name FROM no_such_table');
};

exports.down = function () {};
