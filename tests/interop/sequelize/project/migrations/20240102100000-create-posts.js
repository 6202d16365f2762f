'use strict';

/** @type {import('sequelize-cli').Migration} */
module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.createTable('posts', {
      id: { allowNull: false, autoIncrement: true, primaryKey: true, type: Sequelize.INTEGER },
      userId: { allowNull: false, type: Sequelize.INTEGER, references: { model: 'users', key: 'id' } },
      body: { type: Sequelize.TEXT },
    });
  },

  async down(queryInterface) {
    await queryInterface.dropTable('posts');
  },
};
