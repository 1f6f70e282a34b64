"""The form renderer: Django's Jinja2 copies of its form templates, Django templates for the rest (the admin's)."""

from functools import cached_property

from django.forms.renderers import BaseRenderer, DjangoTemplates, Jinja2
from django.template.exceptions import TemplateDoesNotExist


class JinjaFirstRenderer(BaseRenderer):
    """Renders a form template with Jinja2 where Django ships a Jinja2 copy of it (every widget and field
    group of the runner's pages: the same markup in a third of the time), and with the Django template
    engine where it does not: the admin's own widgets (`admin/widgets/...`, the related-object wrapper,
    the filtered multiple select, the split date and time) exist only as Django templates."""

    @cached_property
    def jinja2(self) -> Jinja2:
        return Jinja2()

    @cached_property
    def django(self) -> DjangoTemplates:
        return DjangoTemplates()

    def get_template(self, template_name: str):
        try:
            return self.jinja2.get_template(template_name)
        except TemplateDoesNotExist:
            return self.django.get_template(template_name)
