-- The row's address (ALAMAT, or street and suburb), normalised, for the address comparison of the matching model.
alter table padan.staged_row add column address text;
