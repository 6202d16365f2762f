'use strict';

// Fails with a SQL error: the legacy table it copies from does not exist.
/** @type {import('sequelize-cli').Migration} */
module.exports = {
  async up(queryInterface) {
    await queryInterface.sequelize.query('INSERT INTO users (name) SELECT name FROM no_such_table');
  },

  async down() {},
};
