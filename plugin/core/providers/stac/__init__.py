"""STAC: any STAC API -- search (client), signing, windowed reads of the assets, mosaics and time stacks, runner."""
