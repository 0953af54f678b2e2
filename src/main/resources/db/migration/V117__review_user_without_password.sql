-- A user of the review page may have no padan password (padan review user add NAME --no-password): they sign in only
-- through the operator's LDAP directory or OpenID Connect provider, which prove who they are; this table still says
-- who they are here (role, kabupaten, programs). A user with a password may sign in either way.
alter table padan.review_user alter column password_hash drop not null;
