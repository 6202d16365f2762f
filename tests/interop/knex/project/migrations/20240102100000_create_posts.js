exports.up = function (knex) {
  return knex.schema.createTable('posts', (t) => {
    t.increments('id');
    t.integer('user_id').notNullable().references('id').inTable('users');
    t.text('body');
  });
};

exports.down = function (knex) {
  return knex.schema.dropTable('posts');
};
