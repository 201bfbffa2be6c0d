"""The demonstration catalogue of mine types: real designations and their countries of
manufacture, with the technical characteristics Form H gives for them. Characteristics
not known well enough are left blank rather than guessed."""

CATALOGUE: dict[str, dict] = {
    "PMN": {
        "origin": "USSR",
        "dimensions": "112 mm diameter, 56 mm high",
        "fusing": "Pressure",
        "explosive_type": "TNT",
        "explosive_content_g": 240,
        "metallic_content": "Metal striker, spring and detonator: detectable",
    },
    "PMN-2": {
        "origin": "USSR",
        "dimensions": "125 mm diameter, 54 mm high",
        "fusing": "Pressure",
        "explosive_type": "TG-50 (TNT/RDX)",
        "explosive_content_g": 100,
        "metallic_content": "Metal parts in the fuze: detectable",
    },
    "PMD-6": {
        "origin": "USSR",
        "dimensions": "Wooden box, 196 × 87 × 50 mm",
        "fusing": "Pressure (MUV fuze)",
        "explosive_type": "TNT",
        "explosive_content_g": 200,
        "metallic_content": "Fuze only",
    },
    "POMZ-2": {
        "origin": "USSR",
        "dimensions": "60 mm diameter, 107 mm high, on a stake",
        "fusing": "Tripwire (MUV fuze)",
        "explosive_type": "TNT",
        "explosive_content_g": 75,
        "metallic_content": "Cast-iron fragmentation body",
    },
    "OZM-72": {
        "origin": "USSR",
        "dimensions": "108 mm diameter, 172 mm high",
        "fusing": "Tripwire (MUV fuze), bounding",
        "explosive_type": "TNT",
        "explosive_content_g": 660,
        "metallic_content": "Steel body with steel fragments",
    },
    "Type 72": {
        "origin": "China",
        "dimensions": "78 mm diameter, 38 mm high",
        "fusing": "Pressure",
        "explosive_type": "TNT",
        "explosive_content_g": 51,
        "metallic_content": "Minimal metal content",
    },
    "VS-50": {
        "origin": "Italy",
        "dimensions": "90 mm diameter, 45 mm high",
        "fusing": "Pressure",
        "explosive_type": "RDX",
        "explosive_content_g": 43,
        "metallic_content": "Minimal metal content",
    },
    "M14": {
        "origin": "United States",
        "dimensions": "56 mm diameter, 40 mm high",
        "fusing": "Pressure",
        "explosive_type": "Tetryl",
        "explosive_content_g": 29,
        "metallic_content": "Minimal metal content (steel firing pin)",
    },
    "PROM-1": {
        "origin": "Yugoslavia",
        "dimensions": "79 mm diameter",
        "fusing": "Pressure or tripwire, bounding",
        "explosive_type": "TNT",
        "explosive_content_g": 425,
        "metallic_content": "Steel body",
    },
    "PMA-2": {
        "origin": "Yugoslavia",
        "dimensions": "68 mm diameter, 61 mm high with fuze",
        "fusing": "Pressure",
        "explosive_type": "TNT",
        "explosive_content_g": 100,
        "metallic_content": "Minimal metal content",
    },
    "PMA-3": {
        "origin": "Yugoslavia",
        "dimensions": "103 mm diameter, 36 mm high",
        "fusing": "Pressure",
        "explosive_type": "Tetryl",
        "explosive_content_g": 35,
        "metallic_content": "Minimal metal content",
    },
    "PMR-2A": {
        "origin": "Yugoslavia",
        "dimensions": "66 mm diameter, 130 mm high, on a stake",
        "fusing": "Tripwire",
        "explosive_type": "TNT",
        "explosive_content_g": 100,
        "metallic_content": "Cast-steel fragmentation body",
    },
    "R2M2": {"origin": "South Africa", "fusing": "Pressure"},
    "Ploughshare": {
        "origin": "Rhodesia (now Zimbabwe)",
        "fusing": "Tripwire, directional fragmentation",
        "metallic_content": "Steel fragmentation plate",
    },
    "MAPS": {"origin": "Portugal", "fusing": "Pressure"},
    "P4 Mk1": {"origin": "Pakistan", "fusing": "Pressure"},
    "Jony 95": {
        "origin": "Sri Lanka (made by the LTTE, a non-State armed group)",
        "fusing": "Pressure",
    },
    "PRB M35": {
        "origin": "Belgium",
        "fusing": "Pressure",
        "metallic_content": "Plastic case: hard to find with a metal detector",
    },
}

# Form H's fields, as the catalogue above names them.
CHARACTERISTICS = (
    "dimensions",
    "fusing",
    "explosive_type",
    "explosive_content_g",
    "metallic_content",
)
