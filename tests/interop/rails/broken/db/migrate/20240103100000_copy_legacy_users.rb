# frozen_string_literal: true

# Fails with a SQL error: the legacy table it copies from does not exist.
class CopyLegacyUsers < ActiveRecord::Migration[7.2]
  def up
    execute "INSERT INTO users (name, created_at, updated_at) SELECT name, now(), now() FROM no_such_table"
  end

  def down
  end
end
