-- purpose: insert or refresh an outlet from sources/<outlet_id>.toml.
insert into outlets (outlet_id, name, homepage, language, country, perspective, description, updated_at)
values ($outlet_id, $name, $homepage, $language, $country, $perspective, $description, now())
on conflict (outlet_id) do update set
    name = excluded.name,
    homepage = excluded.homepage,
    language = excluded.language,
    country = excluded.country,
    perspective = excluded.perspective,
    description = excluded.description,
    updated_at = now()
