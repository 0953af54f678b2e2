-- Person ids are handed out from a counter row updated inside the resolve transaction, not from a
-- sequence: a sequence does not roll back, so a resolve killed after taking ids would give different
-- ids when restarted. The counter starts above every id handed out so far.
create table padan.person_id_counter (last_id bigint not null);
insert into padan.person_id_counter (last_id)
select greatest(coalesce((select max(person_id) from padan.person_identity), 0),
                coalesce((select max(person_id) from padan.person), 0));
